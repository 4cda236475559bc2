/**
 * `npm run cli -- print` (issue 7): the demo county's default A3 map, a township atlas and a
 * 300-dpi PNG from a saved template, printed by the real app in headless Chromium and read back
 * with poppler (pdfinfo, pdftotext, pdftoppm, pdfimages). The user's file is left as it was.
 * Needs Debian's chromium and poppler-utils: skipped locally when missing, required in CI.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultElements, pageSizeMm } from '../../electron/domain/print-layout.js';
import { chromiumCandidates } from '../../scripts/lib/headless-chromium.js';
import { demoCopy } from '../helpers/api-service.js';
import { tempDir } from '../helpers/fixtures.js';
import { outDir, root } from '../helpers/web-mode.js';

const hasChromium = chromiumCandidates().some((p) => fs.existsSync(p));
const hasPoppler = spawnSync('pdftoppm', ['-v']).error === undefined;
if (process.env.CI && !hasPoppler) throw new Error('poppler-utils (pdftoppm, pdftotext) is required in CI: apt-get install poppler-utils');
const canPrint = hasChromium && hasPoppler;

const TOWNSHIPS = ['城关镇', '石门镇', '桥头镇', '清水镇', '青山乡', '云雾乡', '白沙乡', '龙潭乡'];

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, CCP_LANG: 'zh-CN' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function pdfInfo(file: string) {
  const out = run('pdfinfo', [file]);
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out)!;
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(out)![1]), w: Number(m[1]), h: Number(m[2]) };
}

/** One page as RGB pixels (pdftoppm's PPM output, parsed here). */
function pagePixels(file: string, page: number, dpi: number): { w: number; h: number; rgb: Buffer } {
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 << 20 });
  expect(r.status).toBe(0);
  const buf = r.stdout as Buffer;
  // P6\n<w> <h>\n255\n<rgb…>
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  return { w: Number(header[1]), h: Number(header[2]), rgb: buf.subarray(header[0].length) };
}

/** Share of non-white pixels and number of distinct colours (quantised) inside a box in mm. */
function inkIn(px: { w: number; h: number; rgb: Buffer }, dpi: number, box: { x: number; y: number; w: number; h: number }) {
  const k = dpi / 25.4;
  let ink = 0;
  let n = 0;
  const colours = new Set<number>();
  for (let y = Math.ceil((box.y + 2) * k); y < Math.floor((box.y + box.h - 2) * k); y++) {
    for (let x = Math.ceil((box.x + 2) * k); x < Math.floor((box.x + box.w - 2) * k); x++) {
      const i = (y * px.w + x) * 3;
      const [r, g, b] = [px.rgb[i], px.rgb[i + 1], px.rgb[i + 2]];
      n++;
      if (r < 245 || g < 245 || b < 245) ink++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  }
  return { inkShare: ink / n, colours: colours.size };
}

function pngFacts(file: string) {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  const phys = b.indexOf('pHYs');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20), ppm: phys > 0 ? b.readUInt32BE(phys + 4) : 0 };
}

describe.skipIf(!canPrint)('npm run cli -- print (headless Chromium)', { timeout: 600_000 }, () => {
  let project: string;
  let dir: string;
  let before: string;
  beforeAll(() => {
    project = demoCopy();
    before = sha(project);
    dir = tempDir('ccp-print-');
    fs.mkdirSync(outDir, { recursive: true });
  });

  it('prints the default A3 landscape map: the map drawn at 300 dpi, title, legend, scale bar and township statistics as text', () => {
    const out = path.join(dir, 'county-a3.pdf');
    const r = cli(['print', project, '--out', out]);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('已打印 1 页');
    const info = pdfInfo(out);
    expect(info.pages).toBe(1);
    // A3 landscape: 420 × 297 mm = 1190.6 × 841.9 pt.
    expect(Math.abs(info.w - 1190.6)).toBeLessThan(1.5);
    expect(Math.abs(info.h - 841.9)).toBeLessThan(1.5);

    const text = run('pdftotext', ['-layout', out, '-']);
    for (const s of ['示例县村级医疗卫生服务覆盖图', '图例', '村卫生室', '乡镇卫生院', '县医院', '0–15 分钟', '空白村', '公里', '比例尺 1:', '分乡镇统计', '全县合计', '编制单位：示例县卫生健康局', '© OpenStreetMap contributors', '全县位置示意']) {
      expect(text, s).toContain(s);
    }
    for (const name of TOWNSHIPS) expect(text).toMatch(new RegExp(`${name}\\s+\\d+\\s+\\d+\\s+[\\d,]+`));

    // The map is an image at print resolution (not a screenshot of a window)…
    const images = run('pdfimages', ['-list', out]).split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    const cols = images[0].trim().split(/\s+/);
    expect(Number(cols[12])).toBeGreaterThanOrEqual(295); // x-ppi
    // …and its area is drawn: mostly ink, many colours (basemap, bands, dots, roads, labels).
    const map = defaultElements('A3', 'landscape', 12).find((e) => e.kind === 'map')!;
    const px = pagePixels(out, 1, 30);
    const page = pageSizeMm('A3', 'landscape');
    expect(Math.abs(px.w - (page.w / 25.4) * 30)).toBeLessThan(1.5);
    const ink = inkIn(px, 30, map);
    expect(ink.inkShare).toBeGreaterThan(0.6);
    expect(ink.colours).toBeGreaterThan(40);
    fs.copyFileSync(out, path.join(outDir, 'print-county-a3.pdf'));
    spawnSync('pdftoppm', ['-r', '60', '-png', '-singlefile', out, path.join(outDir, 'print-county-a3')]);
  });

  it('prints a township atlas: one page per township, each zoomed to it and named in its subtitle', () => {
    const out = path.join(dir, 'atlas.pdf');
    const r = cli(['print', project, '--out', out, '--atlas', 'townships', '--dpi', '150']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(pdfInfo(out).pages).toBe(TOWNSHIPS.length);
    for (let i = 0; i < TOWNSHIPS.length; i++) {
      const text = run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', out, '-']);
      // The subtitle line starts with the page's township.
      expect(text).toMatch(new RegExp(`${TOWNSHIPS[i]} · 村卫生室`));
    }
    // Zoomed in: the scale differs from the whole-county page's.
    const text = run('pdftotext', ['-f', '1', '-l', '1', out, '-']);
    const ratio = Number(/比例尺 1:([\d,]+)/.exec(text)![1].replace(/,/g, ''));
    expect(ratio).toBeLessThan(200_000);
    spawnSync('pdftoppm', ['-r', '50', '-png', '-f', '2', '-l', '2', '-singlefile', out, path.join(outDir, 'print-atlas-page2')]);
  });

  it('prints a saved template to a 300-dpi PNG (A4 portrait: 2480 × 3508 px, pHYs 300 dpi) and leaves the project file untouched', () => {
    const out = path.join(dir, 'meeting.png');
    const r = cli(['print', project, '--out', out, '--layout', 'A4竖版会议用图', '--map', 'plain']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const png = pngFacts(out);
    expect(png).toEqual({ w: 2480, h: 3508, ppm: Math.round(300 / 0.0254) });
    fs.copyFileSync(out, path.join(outDir, 'print-a4-template.png'));
    expect(sha(project)).toBe(before);
  });

  it('prints the proposals map on A4 landscape: its own title and a legend of service modes and THC tiers', () => {
    const out = path.join(dir, 'proposals.pdf');
    const r = cli(['print', project, '--out', out, '--map', 'proposals', '--paper', 'a4', '--orientation', 'landscape', '--dpi', '150']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const info = pdfInfo(out);
    expect(Math.abs(info.w - 841.9)).toBeLessThan(1.5);
    expect(Math.abs(info.h - 595.3)).toBeLessThan(1.5);
    const text = run('pdftotext', [out, '-']);
    for (const s of ['示例县村级医疗卫生服务方式规划图', '服务方式', '巡诊', '派驻', '邻村延伸服务', '县医院补位', '第一梯次']) expect(text, s).toContain(s);
    // The coverage bands are replaced by the proposals on the map, and in the legend.
    expect(text).not.toContain('0–15 分钟');
  });

  it('refuses an unknown template and an existing file by name, writing nothing', () => {
    const out = path.join(dir, 'none.pdf');
    const r = cli(['print', project, '--out', out, '--layout', '没有这个模板']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有名为“没有这个模板”的打印模板');
    expect(fs.existsSync(out)).toBe(false);
    const exists = path.join(dir, 'county-a3.pdf');
    const again = cli(['print', project, '--out', exists]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(exists);
  });
});
