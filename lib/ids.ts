/** `orders-require-auth` from "POST /api/orders without a token is refused". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/@[\w-]+/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'task';
}

/** A task id is `gate/slug of the title path` (describe blocks included, file name excluded). */
export function taskIdFor(gate: string, titlePath: readonly string[]): string {
  return `${gate}/${slugify(titlePath.join(' '))}`;
}
