// Draws the demo shop's rich-menu images and writes them next to this file as small palette PNGs, which
// db/seed/demo.sql embeds as X'…' literals (`xxd -p -c0 db/seed/rich-menu-main.png`). Run after changing
// the design (needs Debian's chromium):  node --experimental-strip-types db/seed/rich-menu-images.ts
// Chromium's canvas renders the Japanese labels with the system's IPA Gothic; the pixels are then reduced to
// a few colours and encoded here, so each image stays a few kilobytes (the seed is plain SQL).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";

const WIDTH = 1200;
const HEIGHT = 405;

interface Panel {
  ja: string;
  en: string;
  color: string;
  icon: "card" | "coupon" | "chat" | "link";
}

export const DEMO_MENUS: Record<string, Panel[]> = {
  "rich-menu-main": [
    { ja: "会員証", en: "Member card", color: "#06a04a", icon: "card" },
    { ja: "クーポン", en: "Coupons", color: "#e8891c", icon: "coupon" },
    { ja: "お問い合わせ", en: "Contact us", color: "#3f6fc4", icon: "chat" },
  ],
  "rich-menu-link": [
    { ja: "会員証", en: "Member card", color: "#06a04a", icon: "card" },
    { ja: "クーポン", en: "Coupons", color: "#e8891c", icon: "coupon" },
    { ja: "会員連携", en: "Link membership", color: "#c2185b", icon: "link" },
    { ja: "お問い合わせ", en: "Contact us", color: "#3f6fc4", icon: "chat" },
  ],
};

/** Runs in the page: draws the panels on a canvas and returns the RGBA pixels. */
function drawInPage(args: { panels: Panel[]; width: number; height: number }): number[] {
  const { panels, width, height } = args;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no 2d context");
  const w = width / panels.length;
  panels.forEach((panel, i) => {
    const x = i * w;
    g.fillStyle = panel.color;
    g.fillRect(x, 0, w, height);
    g.fillStyle = "rgba(255,255,255,0.35)";
    if (i > 0) g.fillRect(x, 24, 3, height - 48);
    const cx = x + w / 2;
    const cy = 130;
    g.strokeStyle = "#ffffff";
    g.fillStyle = "#ffffff";
    g.lineWidth = 9;
    g.lineJoin = "round";
    if (panel.icon === "card") {
      g.beginPath();
      g.roundRect(cx - 80, cy - 52, 160, 104, 16);
      g.stroke();
      g.fillRect(cx - 80, cy - 24, 160, 18);
      g.fillRect(cx - 58, cy + 18, 60, 10);
    } else if (panel.icon === "coupon") {
      g.beginPath();
      g.roundRect(cx - 85, cy - 48, 170, 96, 10);
      g.stroke();
      g.font = "bold 58px IPAGothic, sans-serif";
      g.textAlign = "center";
      g.textBaseline = "middle";
      g.fillText("%", cx, cy + 3);
    } else if (panel.icon === "chat") {
      g.beginPath();
      g.roundRect(cx - 82, cy - 55, 164, 92, 30);
      g.moveTo(cx - 30, cy + 37);
      g.lineTo(cx - 52, cy + 66);
      g.lineTo(cx - 4, cy + 37);
      g.stroke();
      for (const dx of [-40, 0, 40]) {
        g.beginPath();
        g.arc(cx + dx, cy - 9, 9, 0, Math.PI * 2);
        g.fill();
      }
    } else {
      for (const dx of [-32, 32]) {
        g.beginPath();
        g.roundRect(cx + dx - 50, cy - 28, 100, 56, 28);
        g.stroke();
      }
    }
    g.textAlign = "center";
    g.textBaseline = "alphabetic";
    const jaSize = panel.ja.length > 4 && panels.length > 3 ? 46 : 56;
    g.font = `bold ${jaSize}px IPAGothic, IPAPGothic, sans-serif`;
    g.fillText(panel.ja, cx, 290);
    g.font = "30px IPAPGothic, IPAGothic, sans-serif";
    g.fillStyle = "rgba(255,255,255,0.9)";
    g.fillText(panel.en, cx, 342);
  });
  return Array.from(g.getImageData(0, 0, width, height).data);
}

function hex(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Every panel colour blended with white in 16 steps: enough for smooth anti-aliased text. */
function paletteFor(panels: Panel[]): [number, number, number][] {
  const palette: [number, number, number][] = [];
  for (const panel of panels) {
    const [r, g, b] = hex(panel.color);
    for (let s = 0; s <= 15; s++) {
      const t = s / 15;
      palette.push([Math.round(r + (255 - r) * t), Math.round(g + (255 - g) * t), Math.round(b + (255 - b) * t)]);
    }
  }
  return palette;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An 8-bit palette PNG (colour type 3) of the pixels, each mapped to its nearest palette colour. */
function encodePalettePng(rgba: number[], width: number, height: number, palette: [number, number, number][]): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  const cache = new Map<number, number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const key = ((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0);
      let index = cache.get(key);
      if (index === undefined) {
        let best = Number.POSITIVE_INFINITY;
        index = 0;
        palette.forEach(([r, g, b], p) => {
          const d = (r - (rgba[i] ?? 0)) ** 2 + (g - (rgba[i + 1] ?? 0)) ** 2 + (b - (rgba[i + 2] ?? 0)) ** 2;
          if (d < best) {
            best = d;
            index = p;
          }
        });
        cache.set(key, index);
      }
      raw[y * (width + 1) + 1 + x] = index;
    }
  }
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 3, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", new Uint8Array(palette.flat())),
    chunk("IDAT", new Uint8Array(deflateSync(raw, { level: 9 }))),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function main(): Promise<void> {
  const require = createRequire(new URL("../../test/package.json", import.meta.url));
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const executablePath = process.env.CHROMIUM_PATH ?? execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    for (const [name, panels] of Object.entries(DEMO_MENUS)) {
      const rgba = await page.evaluate(drawInPage, { panels, width: WIDTH, height: HEIGHT });
      const png = encodePalettePng(rgba, WIDTH, HEIGHT, paletteFor(panels));
      writeFileSync(new URL(`./${name}.png`, import.meta.url), png);
      console.log(`${name}.png: ${WIDTH}×${HEIGHT}, ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
