/* bookreview theme: the colour-theme switch, the site menu and the page
 * contents. Served minified (hatch_build.py); Sphinx's own scripts do the
 * rest (search, highlighting the words searched for, keyboard shortcuts). */
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
})();
