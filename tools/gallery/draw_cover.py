"""Draw the gallery's book cover, ``cover.png`` beside this file.

The book is made up and so is its cover: a lighthouse over the sea at
night, drawn with Pillow's shapes and the font Pillow ships, so the picture
is the same on every machine and owes nothing to anyone's artwork. Run it
again only to change the picture: ``python tools/gallery/draw_cover.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

#: Twice the card's cover width (9rem), so the picture stays sharp on
#: high-density screens.
WIDTH, HEIGHT = 320, 480
SKY_TOP, SKY_BOTTOM = (18, 32, 61), (44, 78, 117)
SEA = (16, 44, 66)
CREAM = (246, 236, 214)
RED = (196, 62, 52)
BEAM = (255, 224, 140)


def sky(image: Image.Image) -> None:
    """A vertical gradient from night to dusk, above the horizon."""
    draw = ImageDraw.Draw(image)
    horizon = 330
    for y in range(horizon):
        share = y / horizon
        colour = tuple(round(top + (bottom - top) * share) for top, bottom in zip(SKY_TOP, SKY_BOTTOM, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=SEA)
    for y in range(horizon + 14, HEIGHT, 16):
        for x in range(-20, WIDTH, 40):
            draw.arc([x, y, x + 40, y + 12], 200, 340, fill=(70, 110, 140), width=2)


def beams(image: Image.Image) -> None:
    """Two soft wedges of light from the lantern, drawn on their own layer so
    they blend with the sky."""
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    lantern = (200, 196)
    draw.polygon([lantern, (0, 150), (0, 230)], fill=(*BEAM, 70))
    draw.polygon([lantern, (WIDTH, 168), (WIDTH, 214)], fill=(*BEAM, 45))
    image.alpha_composite(layer)


def lighthouse(image: Image.Image) -> None:
    """A striped tower on a rock, with a lit lantern room."""
    draw = ImageDraw.Draw(image)
    draw.polygon([(150, 345), (172, 312), (232, 312), (262, 345)], fill=(34, 40, 46))
    base, top = 312, 214
    for index, y in enumerate(range(base, top, -20)):
        bottom_half, top_half = 26 - (base - y) * 0.08, 26 - (base - y + 20) * 0.08
        band = [(200 - bottom_half, y), (200 + bottom_half, y), (200 + top_half, y - 20), (200 - top_half, y - 20)]
        draw.polygon(band, fill=RED if index % 2 else CREAM)
    draw.rectangle([181, 198, 219, 214], fill=(34, 40, 46))
    draw.rectangle([186, 184, 214, 198], fill=BEAM)
    draw.polygon([(180, 184), (200, 168), (220, 184)], fill=(34, 40, 46))


def lettering(image: Image.Image) -> None:
    """The title at the top, the authors at the foot."""
    draw = ImageDraw.Draw(image)
    title = ImageFont.load_default(size=40)
    small = ImageFont.load_default(size=17)
    draw.text((WIDTH // 2, 48), "THE", font=small, fill=BEAM, anchor="mm")
    draw.text((WIDTH // 2, 84), "Lighthouse", font=title, fill=CREAM, anchor="mm")
    draw.text((WIDTH // 2, 124), "Protocol", font=title, fill=CREAM, anchor="mm")
    draw.line([(110, 150), (210, 150)], fill=BEAM, width=2)
    draw.text((WIDTH // 2, 440), "MARA QUILL  ·  TOMAS REED", font=small, fill=CREAM, anchor="mm")


def draw_cover() -> Image.Image:
    image = Image.new("RGBA", (WIDTH, HEIGHT))
    sky(image)
    beams(image)
    lighthouse(image)
    lettering(image)
    return image.convert("RGB")


if __name__ == "__main__":
    draw_cover().save(Path(__file__).with_name("cover.png"), optimize=True)
