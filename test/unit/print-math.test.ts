import { describe, expect, it } from 'vitest';
import { PX_PER_MM, boundsOf, fitFont, fitProjection, formatDegrees, gridStepMinutes, gridValues, metersPerPixel, roundRatio, scaleBar, textEm, wrapText, type Bounds, convexHull, growRing } from '../../renderer/src/print/printMath.js';

describe('metersPerPixel', () => {
  it('is the equator circumference over one 512-px tile at zoom 0', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(40075016.686 / 512, 6);
    expect(metersPerPixel(0, 0)).toBeCloseTo(78271.517, 3);
  });

  it('halves with each zoom level', () => {
    for (let z = 0; z < 20; z++) expect(metersPerPixel(24, z + 1) * 2).toBeCloseTo(metersPerPixel(24, z), 9);
    expect(metersPerPixel(0, 10)).toBeCloseTo(78271.517 / 1024, 5);
    expect(metersPerPixel(0, 12.5)).toBeCloseTo(78271.517 / 2 ** 12.5, 6);
  });

  it('scales with the cosine of the latitude', () => {
    expect(metersPerPixel(60, 0)).toBeCloseTo(78271.517 / 2, 3);
    expect(metersPerPixel(-60, 5)).toBeCloseTo(metersPerPixel(60, 5), 9);
    expect(metersPerPixel(24.5, 11)).toBeCloseTo(metersPerPixel(0, 11) * Math.cos((24.5 * Math.PI) / 180), 9);
  });

  it('uses 96 CSS pixels per inch', () => {
    expect(PX_PER_MM * 25.4).toBeCloseTo(96, 12);
  });
});

/** The 1-2-5 candidate after `m`. */
const nextRound = (m: number) => {
  const p = 10 ** Math.floor(Math.log10(m) + 1e-9);
  const f = Math.round(m / p);
  return f === 1 ? 2 * p : f === 2 ? 5 * p : 10 * p;
};

describe('scaleBar', () => {
  it('picks 5 km for 6 km of room and labels it in km', () => {
    const bar = scaleBar(150, 40); // 1 mm = 150 m, room for 6 km
    expect(bar.meters).toBe(5000);
    expect(bar.unit).toBe('km');
    expect(bar.lengthMm).toBeCloseTo(5000 / 150, 9);
    expect(bar.ticks.map((t) => t.label)).toEqual(['0', '2.5', '5']);
    expect(bar.ticks.map((t) => t.atMm)).toEqual([0, bar.lengthMm / 2, bar.lengthMm]);
    expect(bar.ratio).toBe(150000);
  });

  it('picks 2 km when 4 km would not fit', () => {
    const bar = scaleBar(100, 39.9);
    expect(bar.meters).toBe(2000);
    expect(bar.lengthMm).toBeCloseTo(20, 9);
    expect(bar.ticks.map((t) => t.label)).toEqual(['0', '1', '2']);
    expect(bar.ratio).toBe(100000);
  });

  it('takes a bar that fills the room exactly', () => {
    const bar = scaleBar(50, 40);
    expect(bar.meters).toBe(2000);
    expect(bar.lengthMm).toBe(40);
  });

  it('labels short bars in metres', () => {
    const bar = scaleBar(2, 40); // room for 80 m
    expect(bar).toMatchObject({ meters: 50, unit: 'm', lengthMm: 25, ratio: 2000 });
    expect(bar.ticks).toEqual([
      { atMm: 0, label: '0' },
      { atMm: 12.5, label: '25' },
      { atMm: 25, label: '50' },
    ]);
    expect(scaleBar(0.01, 30)).toMatchObject({ meters: 0.2, unit: 'm' });
    expect(scaleBar(0.01, 30).ticks.map((t) => t.label)).toEqual(['0', '0.1', '0.2']);
    expect(scaleBar(10, 99.99)).toMatchObject({ meters: 500, unit: 'm' });
    expect(scaleBar(10, 100)).toMatchObject({ meters: 1000, unit: 'km' });
    expect(scaleBar(10, 100).ticks.map((t) => t.label)).toEqual(['0', '0.5', '1']);
  });

  it('is always the largest 1/2/5 × 10^k metres that fits', () => {
    const maxMm = 45;
    for (const metersPerMm of [0.05, 0.3, 1, 3.7, 12, 49.9, 77, 123.4, 480, 999, 2500, 31000]) {
      const bar = scaleBar(metersPerMm, maxMm);
      const exp = Math.floor(Math.log10(bar.meters) + 1e-9);
      const lead = bar.meters / 10 ** exp;
      expect([1, 2, 5].some((f) => Math.abs(lead - f) < 1e-9), `${metersPerMm}: ${bar.meters}`).toBe(true);
      expect(bar.lengthMm).toBeLessThanOrEqual(maxMm + 1e-9);
      expect(bar.lengthMm).toBeCloseTo(bar.meters / metersPerMm, 9);
      expect(nextRound(bar.meters) / metersPerMm, `${metersPerMm}: next after ${bar.meters}`).toBeGreaterThan(maxMm);
      expect(bar.unit).toBe(bar.meters >= 1000 ? 'km' : 'm');
      expect(bar.ratio).toBe(roundRatio(metersPerMm * 1000));
    }
  });

  it('computes the ratio from the ground metres per paper millimetre', () => {
    // At 1:247,312 one millimetre of paper is 247.312 m of ground.
    expect(scaleBar(247.312, 30).ratio).toBe(250000);
  });
});

describe('roundRatio', () => {
  it('rounds to two significant figures', () => {
    expect(roundRatio(247312)).toBe(250000);
    expect(roundRatio(1234)).toBe(1200);
    expect(roundRatio(1250)).toBe(1300);
    expect(roundRatio(99600)).toBe(100000);
    expect(roundRatio(50000)).toBe(50000);
    expect(roundRatio(84)).toBe(84);
    expect(roundRatio(7)).toBe(7);
    expect(roundRatio(1_234_567)).toBe(1_200_000);
  });

  it('gives 0 for nonsense', () => {
    for (const n of [0, -5, NaN, Infinity, -Infinity]) expect(roundRatio(n)).toBe(0);
  });
});

describe('coordinate grid', () => {
  it('chooses the smallest listed spacing giving at most maxLines lines over the longer side', () => {
    // 0.5° × 0.3°: 30′ over the longer side → 5′ (6 lines), not 2′ (15).
    expect(gridStepMinutes([113, 24, 113.5, 24.3])).toBe(5);
    // 1.2° → 72′: 15′ (4.8), since 10′ gives 7.2 > 6.
    expect(gridStepMinutes([113, 24, 114, 25.2])).toBe(15);
    expect(gridStepMinutes([113, 24, 114, 25.2], 8)).toBe(10);
    expect(gridStepMinutes([113, 24, 113.05, 24.05])).toBe(1);
    expect(gridStepMinutes([100, 20, 120, 40])).toBe(300);
  });

  it('lists the multiples of the step strictly inside the range', () => {
    expect(gridValues(113, 113.5, 5)).toEqual([1, 2, 3, 4, 5].map((i) => Math.round((113 + (5 * i) / 60) * 6000) / 6000));
    expect(gridValues(113, 114, 30)).toEqual([113.5]);
    expect(gridValues(113.1, 113.4, 30)).toEqual([]);
    expect(gridValues(24.01, 24.3, 5)).toEqual([24 + 5 / 60, 24 + 10 / 60, 24 + 15 / 60].map((v) => Math.round(v * 6000) / 6000));
    expect(gridValues(-1, 1, 30).map((v) => v + 0)).toEqual([-0.5, 0, 0.5]);
    expect(gridValues(-114, -113, 30)).toEqual([-113.5]);
  });

  it('keeps every value a whole multiple of the step, with at most maxLines lines', () => {
    const boxes: Bounds[] = [
      [113.02, 24.11, 113.61, 24.47],
      [109.7, 19.2, 111.05, 20.1],
      [120.003, 30.001, 120.19, 30.07],
      [-71.3, -33.7, -70.4, -33.1],
    ];
    for (const b of boxes) {
      const step = gridStepMinutes(b);
      for (const [lo, hi] of [
        [b[0], b[2]],
        [b[1], b[3]],
      ]) {
        const vs = gridValues(lo, hi, step);
        expect(vs.length, `${b} ${step}′`).toBeLessThanOrEqual(6);
        expect(vs.length).toBeGreaterThan(0);
        for (const v of vs) {
          expect(v).toBeGreaterThan(lo);
          expect(v).toBeLessThan(hi);
          const n = (v * 60) / step;
          expect(Math.abs(n - Math.round(n)), `${v}`).toBeLessThan(1e-6);
        }
        for (let i = 1; i < vs.length; i++) expect((vs[i] - vs[i - 1]) * 60).toBeCloseTo(step, 6);
        // No multiple inside the range is left out.
        expect(Math.ceil(((lo + 1e-9) * 60) / step) * step).toBeCloseTo(vs[0] * 60, 6);
      }
    }
  });

  it('does not drift over many lines', () => {
    const vs = gridValues(113, 114, 1);
    expect(vs).toHaveLength(59);
    vs.forEach((v, i) => expect(v).toBe(Math.round((113 + (i + 1) / 60) * 6000) / 6000));
  });
});

describe('formatDegrees', () => {
  it('prints degrees and whole minutes with the hemisphere', () => {
    expect(formatDegrees(113.5, 'lng')).toBe('113°30′E');
    expect(formatDegrees(24, 'lat')).toBe('24°N');
    expect(formatDegrees(113.05, 'lng')).toBe('113°03′E');
    expect(formatDegrees(24 + 10 / 60, 'lat')).toBe('24°10′N');
    expect(formatDegrees(0, 'lng')).toBe('0°E');
  });

  it('prints west and south for negative values', () => {
    expect(formatDegrees(-113.5, 'lng')).toBe('113°30′W');
    expect(formatDegrees(-24.25, 'lat')).toBe('24°15′S');
    expect(formatDegrees(-0.5, 'lat')).toBe('0°30′S');
  });

  it('carries 60 rounded minutes into the degrees', () => {
    expect(formatDegrees(23 + 59.9999 / 60, 'lat')).toBe('24°N');
    expect(formatDegrees(-(113 + 59.9999 / 60), 'lng')).toBe('114°W');
    expect(formatDegrees(23 + 59.4 / 60, 'lat')).toBe('23°59′N');
    // A grid value rounded to 1/6000° just below a whole degree.
    expect(formatDegrees(113.99999999, 'lng')).toBe('114°E');
  });
});

describe('text fitting', () => {
  it('measures CJK as 1 em a character and Latin narrower', () => {
    expect(textEm('')).toBe(0);
    expect(textEm('县域卫生')).toBe(4);
    expect(textEm('（）：')).toBe(3);
    expect(textEm('abc')).toBeCloseTo(1.68, 9);
    expect(textEm('ABC')).toBeCloseTo(2.04, 9);
    expect(textEm('il.')).toBeCloseTo(0.9, 9);
    expect(textEm('a b')).toBeCloseTo(1.42, 9);
    expect(textEm('2026')).toBeCloseTo(2.24, 9);
    expect(textEm('某县2026')).toBeCloseTo(4.24, 9);
    for (const s of ['map', 'Coverage', '12345', 'x y z']) expect(textEm(s)).toBeLessThan([...s].length);
  });

  it('fitFont keeps the largest size that fits, never above the maximum', () => {
    expect(fitFont('县域', 100, 8)).toBe(8);
    expect(fitFont('县'.repeat(20), 100, 8)).toBe(5);
    expect(fitFont('abc', 1.68 * 3, 8)).toBeCloseTo(3, 9);
    expect(fitFont('', 10, 6)).toBe(6);
    for (const text of ['某某县村级医疗卫生服务覆盖图', 'County coverage of village clinics', '县 2026']) {
      for (const width of [20, 60, 200]) {
        const fs = fitFont(text, width, 9);
        expect(fs).toBeLessThanOrEqual(9);
        if (fs > 1.6) expect(textEm(text) * fs).toBeLessThanOrEqual(width + 1e-9);
        if (fs < 9 && fs > 1.6) expect(textEm(text) * fs).toBeCloseTo(width, 9);
      }
    }
  });

  it('fitFont stops at the minimum size', () => {
    expect(fitFont('县'.repeat(100), 100, 8)).toBe(1.6);
    expect(fitFont('县'.repeat(100), 100, 8, 2)).toBe(2);
  });

  it('wrapText breaks CJK anywhere at the width', () => {
    expect(wrapText('县域卫生服务覆盖', 20, 5)).toEqual(['县域卫生', '服务覆盖']);
    expect(wrapText('县域卫生服务覆盖图', 20, 5)).toEqual(['县域卫生', '服务覆盖', '图']);
    expect(wrapText('县域', 20, 5)).toEqual(['县域']);
  });

  it('wrapText breaks Latin at spaces and never splits a word', () => {
    // 'coverage of ' is 6.2 em, '+village ' would be 9.64 > 7.
    expect(wrapText('coverage of village clinics', 7, 1)).toEqual(['coverage of', 'village clinics']);
    expect(wrapText('internationalization is long', 3, 1)).toEqual(['internationalization', 'is', 'long']);
    const text = 'Population beyond the standard travel time of the township health centre';
    for (const width of [8, 15, 30, 60]) {
      const lines = wrapText(text, width, 1.2);
      expect(lines.join(' '), `${width}`).toBe(text);
      for (const l of lines) expect(l).toBe(l.trim());
    }
  });

  it('wrapText fills a line up to the width (a word that fits is not pushed down by its trailing space)', () => {
    // 'ab cd' is exactly 2.54 em; the space after 'cd' must not count.
    expect(wrapText('ab cd ef', 2.54, 1)).toEqual(['ab cd', 'ef']);
    expect(wrapText('Clinic population beyond 15 min', textEm('Clinic population'), 1)).toEqual(['Clinic population', 'beyond 15 min']);
  });

  it('wrapText keeps every line within the width (one character of slack)', () => {
    const texts = ['村卫生室\n超15分钟人口', '东岭镇卫生院服务范围（12 个村）', 'Township health centre beyond 30 min', '县 county 医院 hospital 覆盖 coverage'];
    for (const text of texts) {
      for (const [width, font] of [
        [10, 2],
        [25, 3],
        [40, 2.5],
      ]) {
        const lines = wrapText(text, width, font);
        for (const l of lines) expect(textEm(l) * font, `${text} @${width}/${font}: ${l}`).toBeLessThanOrEqual(width + font);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }
    }
  });

  it('wrapText starts a new line at every newline', () => {
    expect(wrapText('村卫生室\n超15分钟人口', 100, 3)).toEqual(['村卫生室', '超15分钟人口']);
    expect(wrapText('a\n\nb', 100, 3)).toEqual(['a', '', 'b']);
    expect(wrapText('', 100, 3)).toEqual(['']);
  });
});

describe('fitProjection', () => {
  const corners = (b: Bounds): [number, number][] => [
    [b[0], b[1]],
    [b[2], b[1]],
    [b[0], b[3]],
    [b[2], b[3]],
  ];

  it('fits a tall extent in a wide box: height fills the padding, centred across', () => {
    const b: Bounds = [113, 24, 114, 25];
    const box = { w: 100, h: 60 };
    const pad = 5;
    const p = fitProjection(b, box, pad);
    const k = Math.cos((24.5 * Math.PI) / 180);
    // Scale 50 mm per degree of latitude (50 mm of room over 1°), 50·k per degree of longitude.
    const [x0, y0] = p(113, 25);
    const [x1, y1] = p(114, 24);
    expect(y0).toBeCloseTo(pad, 9);
    expect(y1).toBeCloseTo(box.h - pad, 9);
    expect(x1 - x0).toBeCloseTo(50 * k, 9);
    expect(x0).toBeCloseTo(box.w - x1, 9); // centred on the short axis
    expect(x0).toBeGreaterThan(pad);
    // North is up.
    expect(p(113.5, 24.9)[1]).toBeLessThan(p(113.5, 24.1)[1]);
    // The centre of the bounds is the centre of the box.
    const [cx, cy] = p(113.5, 24.5);
    expect(cx).toBeCloseTo(50, 9);
    expect(cy).toBeCloseTo(30, 9);
  });

  it('fits a wide extent in a square box: width fills the padding, centred vertically', () => {
    const b: Bounds = [110, 30, 112, 30.5];
    const box = { w: 80, h: 80 };
    const p = fitProjection(b, box, 4);
    const [x0, y0] = p(110, 30.5);
    const [x1, y1] = p(112, 30);
    expect(x0).toBeCloseTo(4, 9);
    expect(x1).toBeCloseTo(76, 9);
    expect(y0).toBeCloseTo(80 - y1, 9);
    expect(y0).toBeGreaterThan(4);
  });

  it('keeps the aspect: equal ground scale in x and y after the cos(lat) factor', () => {
    for (const b of [
      [113, 24, 114, 25],
      [110, 30, 112, 30.5],
      [87, 43, 88.2, 44.1],
    ] as Bounds[]) {
      for (const box of [
        { w: 100, h: 60 },
        { w: 40, h: 90 },
      ]) {
        const pad = 3;
        const p = fitProjection(b, box, pad);
        const k = Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180);
        const sx = (p(b[2], b[1])[0] - p(b[0], b[1])[0]) / ((b[2] - b[0]) * k);
        const sy = (p(b[0], b[1])[1] - p(b[0], b[3])[1]) / (b[3] - b[1]);
        expect(sx).toBeCloseTo(sy, 9);
        for (const [lng, lat] of corners(b)) {
          const [x, y] = p(lng, lat);
          expect(x).toBeGreaterThanOrEqual(pad - 1e-9);
          expect(x).toBeLessThanOrEqual(box.w - pad + 1e-9);
          expect(y).toBeGreaterThanOrEqual(pad - 1e-9);
          expect(y).toBeLessThanOrEqual(box.h - pad + 1e-9);
        }
        // One axis touches the padding on both sides.
        const [xa, ya] = p(b[0], b[3]);
        const [xb, yb] = p(b[2], b[1]);
        const touchesX = Math.abs(xa - pad) < 1e-9 && Math.abs(xb - (box.w - pad)) < 1e-9;
        const touchesY = Math.abs(ya - pad) < 1e-9 && Math.abs(yb - (box.h - pad)) < 1e-9;
        expect(touchesX || touchesY).toBe(true);
        // Centred on both axes.
        expect(xa + xb).toBeCloseTo(box.w, 9);
        expect(ya + yb).toBeCloseTo(box.h, 9);
      }
    }
  });
});

describe('boundsOf', () => {
  it('spans the finite positions', () => {
    expect(
      boundsOf([
        [113.2, 24.5],
        [113.9, 24.1],
        [NaN, 30],
        [113.5, Infinity],
        [-Infinity, 0],
        [113.4, 24.8],
      ]),
    ).toEqual([113.2, 24.1, 113.9, 24.8]);
    expect(boundsOf([[1, 2]])).toEqual([1, 2, 1, 2]);
  });

  it('takes any iterable', () => {
    function* pts() {
      yield [3, 4] as const;
      yield [-1, 7] as const;
    }
    expect(boundsOf(pts())).toEqual([-1, 4, 3, 7]);
  });

  it('is null with no finite position', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([[NaN, NaN], [Infinity, 1]])).toBeNull();
  });
});

describe('convexHull and growRing (the veil around a THC service area)', () => {
  it('returns the closed counter-clockwise hull, dropping inner, duplicate and non-finite points', () => {
    const hull = convexHull([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1], [1, 1], [0, 0], [Number.NaN, 5]])!;
    expect(hull).toEqual([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
  });

  it('has no hull for fewer than three points or collinear points', () => {
    expect(convexHull([[0, 0], [1, 1]])).toBeNull();
    expect(convexHull([[0, 0], [1, 1], [2, 2], [3, 3]])).toBeNull();
  });

  it('grows a ring outwards by the margin at each vertex (metres on the ground)', () => {
    const ring = convexHull([[110, 30], [110.1, 30], [110.05, 30.1]])!;
    const grown = growRing(ring, 1500);
    expect(grown).toHaveLength(ring.length);
    expect(grown[0]).toEqual(grown[grown.length - 1]);
    const cx = (110 + 110.1 + 110.05) / 3;
    const cy = (30 + 30 + 30.1) / 3;
    const m = (p: number[]) => Math.hypot((p[0] - cx) * 111_320 * Math.cos((cy * Math.PI) / 180), (p[1] - cy) * 111_320);
    for (let i = 0; i < ring.length - 1; i++) expect(m(grown[i]) - m(ring[i])).toBeCloseTo(1500, 6);
  });
});
