import { describe, expect, it } from 'vitest';
import { downscalePlan, orientationTransform, orientedSize, scaledSize } from '#shared/photo/image-scale.ts';

/** Applies a canvas transform to a point, as the canvas does when drawing. */
const apply = (m: number[], x: number, y: number) => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];

describe('downscaling a photo before upload', () => {
  it('brings a 24 MP landscape photo to 2560 px on its long edge', () => {
    expect(scaledSize({ width: 6000, height: 4000 })).toEqual({ width: 2560, height: 1707 });
  });

  it('brings a portrait photo to 2560 px high', () => {
    expect(scaledSize({ width: 3024, height: 4032 })).toEqual({ width: 1920, height: 2560 });
  });

  it('never enlarges a photo that is already small', () => {
    expect(scaledSize({ width: 1280, height: 720 })).toEqual({ width: 1280, height: 720 });
    expect(downscalePlan({ width: 2560, height: 1440 })).toEqual({ resize: false });
  });

  it('keeps a very long panorama at least one pixel high', () => {
    expect(scaledSize({ width: 100000, height: 10 })).toEqual({ width: 2560, height: 1 });
  });

  it('plans a resize only past the long-edge limit', () => {
    expect(downscalePlan({ width: 4000, height: 3000 }, 2000)).toEqual({ resize: true, target: { width: 2000, height: 1500 } });
  });
});

describe('drawing a stored photo upright', () => {
  it('swaps width and height for the quarter turns 5–8 only', () => {
    expect(orientedSize({ width: 4, height: 3 }, 6)).toEqual({ width: 3, height: 4 });
    expect(orientedSize({ width: 4, height: 3 }, 8)).toEqual({ width: 3, height: 4 });
    expect(orientedSize({ width: 4, height: 3 }, 3)).toEqual({ width: 4, height: 3 });
  });

  it('maps every corner of the stored picture inside the upright canvas for all eight orientations', () => {
    const drawn = { width: 40, height: 30 };
    for (let orientation = 1; orientation <= 8; orientation++) {
      const canvas = orientedSize(drawn, orientation);
      const m = orientationTransform(orientation, drawn);
      const corners = [
        [0, 0],
        [40, 0],
        [0, 30],
        [40, 30],
      ].map(([x, y]) => apply(m, x!, y!));
      const xs = corners.map((c) => c[0]!).sort((a, b) => a - b);
      const ys = corners.map((c) => c[1]!).sort((a, b) => a - b);
      expect([xs[0], xs[3], ys[0], ys[3]], `orientation ${orientation}`).toEqual([0, canvas.width, 0, canvas.height]);
    }
  });

  it('turns the top-left of a photo taken with the phone upright (orientation 6) to the top-right', () => {
    // Orientation 6: the stored picture must turn 90° clockwise; its top-left ends top-right.
    const m = orientationTransform(6, { width: 40, height: 30 });
    expect(apply(m, 0, 0)).toEqual([30, 0]);
    expect(apply(m, 40, 0)).toEqual([30, 40]);
  });

  it('mirrors orientation 2 left to right', () => {
    const m = orientationTransform(2, { width: 40, height: 30 });
    expect(apply(m, 0, 0)).toEqual([40, 0]);
  });
});
