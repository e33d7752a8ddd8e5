/* bookreview theme: the colour-theme switch, the page contents, and what
 * Sphinx's doctools.js would do on a page without it (the theme leaves
 * that out unless needed: see sphinx_bookreview/theme/assets.py). */
(() => {
  "use strict";
  const root = document.documentElement;

  // The switch cycles so that its first press always changes what is seen:
  // system, then the opposite of the system's scheme, then the other one.
  const button = document.querySelector(".theme-toggle");
  const systemDark = matchMedia("(prefers-color-scheme: dark)");
  const show = () => {
    const text = `${button.dataset.label}: ${button.dataset[root.dataset.theme] || button.dataset.auto}`;
    button.querySelector(".theme-toggle-text").textContent = text;
    button.title = text;
  };
  if (button) {
    show();
    button.addEventListener("click", () => {
      const order = systemDark.matches ? ["auto", "light", "dark"] : ["auto", "dark", "light"];
      const next = order[(order.indexOf(root.dataset.theme) + 1) % order.length];
      root.dataset.theme = next;
      try {
        localStorage.setItem("bookreview-theme", next);
      } catch (error) {
        // Storage may be refused (private browsing): the choice lasts for this page.
      }
      show();
    });
  }

  // The site menu closes with Escape or a click elsewhere, as menus do.
  const menu = document.querySelector(".site-menu");
  if (menu) {
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  }

  // Wide screens have room to show the page's contents open.
  const contents = document.querySelector(".page-toc");
  if (contents && matchMedia("(min-width: 75rem)").matches) contents.open = true;

  if (typeof Documentation !== "undefined") return;

  // Opened from a search result: load Sphinx's highlighting of the words.
  let terms = null;
  try {
    terms = localStorage.getItem("sphinx_highlight_terms");
  } catch (error) {
    // No storage, no terms.
  }
  if (terms || new URLSearchParams(location.search).has("highlight")) {
    for (const name of ["doctools.js", "sphinx_highlight.js"]) {
      const script = document.createElement("script");
      script.src = `${root.dataset.content_root}_static/${name}`;
      script.async = false;
      document.head.append(script);
    }
  }

  // "/" focuses the search box, as doctools.js does.
  if (typeof DOCUMENTATION_OPTIONS === "undefined" || !DOCUMENTATION_OPTIONS.ENABLE_SEARCH_SHORTCUTS) return;
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "TEXTAREA", "SELECT", "BUTTON"].includes(document.activeElement.tagName);
    if (event.key !== "/" || typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const box = document.querySelector('input[name="q"]');
    if (box) {
      box.focus();
      event.preventDefault();
    }
  });
})();
