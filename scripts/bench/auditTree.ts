import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A synthetic repository for the audit bench: `count` source files of about `bytesPerFile` each
 * (TypeScript mostly, with stylesheets, JSON, YAML and Python as a web repository has), plus the
 * files the checks look for. Deterministic, so runs compare.
 */
export function generateAuditTree(root: string, count: number, bytesPerFile = 10_000): { files: number; bytes: number } {
  let bytes = 0;
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  };
  write('package.json', `${JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true, scripts: { dev: 'vite --port 5173' } }, null, 2)}\n`);
  write('package-lock.json', `${JSON.stringify({ name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'bench-app', version: '1.0.0' } } }, null, 2)}\n`);
  write('.env.example', 'PORT=5173\nAPI_URL=https://api.example.test\n');
  write('.gitignore', 'node_modules/\ndist/\n');
  write('src/server.ts', 'export const port = Number(process.env.PORT ?? 5173);\n');
  write('src/glass.css', '.glass {\n  background: rgba(11, 16, 32, 0.7);\n  backdrop-filter: blur(8px);\n}\n');
  // Mostly components, then stylesheets, data, Python tools and a little YAML, as in a web repository.
  for (let index = 0; index < count - 6; index++) {
    const folder = `src/module${String(index % 100).padStart(3, '0')}`;
    const kind = index % 20;
    if (kind === 0) write(`${folder}/styles${index}.css`, css(index, bytesPerFile));
    else if (kind === 1) write(`${folder}/data${index}.json`, json(index, bytesPerFile));
    else if (kind === 2 && index % 100 === 2) write(`${folder}/fixture${index}.yaml`, yaml(index, bytesPerFile));
    else if (kind === 3) write(`tools/task${index}.py`, python(index, bytesPerFile));
    else write(`${folder}/component${index}.tsx`, typescript(index, bytesPerFile));
  }
  return { files: count, bytes };
}

function fill(size: number, line: (n: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < size; n++) {
    const text = line(n);
    parts.push(text);
    length += text.length + 1;
  }
  return `${parts.join('\n')}\n`;
}

function typescript(seed: number, size: number): string {
  return fill(size, (n) => {
    switch (n % 6) {
      case 0: return `export function compute${seed}_${n}(price: number, quantity: number): number {`;
      case 1: return `  const apiUrl = process.env.API_URL ?? 'https://api.example.test'; // order ${n} of module ${seed}`;
      case 2: return `  const total = Math.round(price * quantity * 100) / 100 + ${n};`;
      case 3: return `  return total > ${seed} ? total : Number.parseFloat(String(total)) + apiUrl.length;`;
      case 4: return '}';
      default: return `export const label${n} = <span className="glass" data-id="${seed}-${n}">Quote ${n}</span>;`;
    }
  });
}

function css(seed: number, size: number): string {
  return fill(size, (n) => (n % 4 === 0 ? `.card-${seed}-${n} {` : n % 4 === 1 ? '  color: #2dd4bf;' : n % 4 === 2 ? `  margin: ${n % 16}px;` : '}'));
}

function json(seed: number, size: number): string {
  const items = [];
  for (let n = 0; JSON.stringify(items).length < size; n++) items.push({ id: `${seed}-${n}`, symbol: 'SPY', price: 400 + n, tags: ['a', 'b'] });
  return `${JSON.stringify({ items }, null, 2)}\n`;
}

function yaml(seed: number, size: number): string {
  return `items:\n${fill(size, (n) => `  - id: "${seed}-${n}"\n    enabled: ${n % 2 === 0}`)}`;
}

function python(seed: number, size: number): string {
  return fill(size, (n) => (n % 3 === 0 ? `def task_${seed}_${n}(value):` : n % 3 === 1 ? `    """Doubles value ${n}."""` : `    return value * 2 + ${n}`));
}
