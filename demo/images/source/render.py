"""Render the committed SVG illustrations in this folder to the JPEG files the demo loads.

    .venv/bin/python demo/images/source/render.py

The SVG files are the originals (edit those); the JPEG files beside `source/` are what the demo
puts in the image library, where editors can replace them. Needs Chromium (/usr/bin/chromium).
"""

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    for svg in sorted(HERE.glob("*.svg")):
        page.goto(svg.as_uri())
        png = page.screenshot(clip={"x": 0, "y": 0, "width": 1600, "height": 1000})
        target = HERE.parent / f"{svg.stem}.jpg"
        Image.open(io.BytesIO(png)).convert("RGB").save(
            target, "JPEG", quality=84, optimize=True, progressive=True
        )
        print(target.name, target.stat().st_size)
    browser.close()
