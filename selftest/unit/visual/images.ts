import { PNG } from 'pngjs';

/** A PNG of one colour, with optional rectangles painted in another: hand-built screenshots. */
export function png(width: number, height: number, colour: [number, number, number], patches: { x: number; y: number; width: number; height: number; colour: [number, number, number] }[] = []): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const patch = patches.find((p) => x >= p.x && x < p.x + p.width && y >= p.y && y < p.y + p.height);
      const [r, g, b] = patch?.colour ?? colour;
      const i = (y * width + x) * 4;
      image.data[i] = r;
      image.data[i + 1] = g;
      image.data[i + 2] = b;
      image.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(image);
}

export const DARK: [number, number, number] = [11, 16, 32];
export const TEAL: [number, number, number] = [45, 212, 191];
