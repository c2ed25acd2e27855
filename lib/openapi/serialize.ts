/**
 * Parameter serialisation by `style` and `explode`, as OpenAPI 3 defines it (RFC 6570 expansions
 * for path, header and form values; spaceDelimited, pipeDelimited and deepObject for queries).
 * A client built from the document sends arrays as `a,b` or `tags=a&tags=b`, never as JSON text.
 */
export type ParameterStyle = 'matrix' | 'label' | 'form' | 'simple' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Serialisation {
  name: string;
  in: ParameterLocation;
  style: ParameterStyle;
  explode: boolean;
  /** Query values keep RFC 3986 reserved characters as they are. */
  allowReserved?: boolean;
  /** A parameter described by `content` instead of a schema: the value is that media type's text (JSON). */
  contentType?: string;
}

/** The style and explode a parameter gets when the document names none (OpenAPI 3 defaults). */
export function defaultStyle(location: ParameterLocation): ParameterStyle {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

export function defaultExplode(style: ParameterStyle): boolean {
  return style === 'form';
}

/** What one parameter adds to a request. */
export type SerialisedParameter =
  | { in: 'path'; text: string }
  | { in: 'query'; pairs: string[] }
  | { in: 'header'; text: string }
  | { in: 'cookie'; text: string };

const scalarText = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

function encoder(allowReserved: boolean | undefined): (text: string) => string {
  // encodeURI keeps the reserved set (:/?#[]@!$&'()*+,;=) that allowReserved permits.
  return allowReserved ? encodeURI : encodeURIComponent;
}

function entries(value: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(value).map(([key, item]) => [key, scalarText(item)]);
}

/** The RFC 6570 expansion of one path value (simple, label or matrix). */
function pathText(spec: Serialisation, value: unknown): string {
  const enc = encodeURIComponent;
  const { name, style, explode } = spec;
  if (Array.isArray(value)) {
    const items = value.map((item) => enc(scalarText(item)));
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? items.map((item) => `;${name}=${item}`).join('') : `;${name}=${items.join(',')}`;
    return items.join(',');
  }
  if (value !== null && typeof value === 'object') {
    const pairs = entries(value as Record<string, unknown>).map(([key, item]) => [enc(key), enc(item)] as const);
    if (style === 'label') return `.${pairs.map(([k, v]) => (explode ? `${k}=${v}` : `${k},${v}`)).join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? pairs.map(([k, v]) => `;${k}=${v}`).join('') : `;${name}=${pairs.map(([k, v]) => `${k},${v}`).join(',')}`;
    return pairs.map(([k, v]) => (explode ? `${k}=${v}` : `${k},${v}`)).join(',');
  }
  const text = enc(scalarText(value));
  if (style === 'label') return `.${text}`;
  if (style === 'matrix') return text === '' ? `;${name}` : `;${name}=${text}`;
  return text;
}

/** `name=value` pairs of one query parameter, already percent-encoded. */
function queryPairs(spec: Serialisation, value: unknown): string[] {
  const enc = encoder(spec.allowReserved);
  const key = encodeURIComponent(spec.name);
  const { style, explode } = spec;
  if (style === 'deepObject') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${key}=${enc(scalarText(value))}`];
    return entries(value as Record<string, unknown>).map(([k, v]) => `${key}[${encodeURIComponent(k)}]=${enc(v)}`);
  }
  const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
  if (Array.isArray(value)) {
    const items = value.map((item) => enc(scalarText(item)));
    if (style === 'form' && explode) return items.map((item) => `${key}=${item}`);
    return [`${key}=${items.join(delimiter)}`];
  }
  if (value !== null && typeof value === 'object') {
    const pairs = entries(value as Record<string, unknown>);
    if (style === 'form' && explode) return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`);
    return [`${key}=${pairs.map(([k, v]) => `${enc(k)}${delimiter}${enc(v)}`).join(delimiter)}`];
  }
  return [`${key}=${enc(scalarText(value))}`];
}

/** A header's value: the simple style, unencoded (header values are not URLs). */
function headerText(spec: Serialisation, value: unknown): string {
  if (Array.isArray(value)) return value.map(scalarText).join(',');
  if (value !== null && typeof value === 'object') {
    return entries(value as Record<string, unknown>).map(([k, v]) => (spec.explode ? `${k}=${v}` : `${k},${v}`)).join(',');
  }
  return scalarText(value);
}

/** A cookie pair (form style): arrays and objects comma-joined, as the form style without explode. */
function cookieText(spec: Serialisation, value: unknown): string {
  if (Array.isArray(value)) return `${spec.name}=${value.map(scalarText).join(',')}`;
  if (value !== null && typeof value === 'object') return `${spec.name}=${entries(value as Record<string, unknown>).flat().join(',')}`;
  return `${spec.name}=${scalarText(value)}`;
}

/** One parameter's contribution to the request, by its location, style and explode. */
export function serialiseParameter(spec: Serialisation, value: unknown): SerialisedParameter {
  if (spec.contentType !== undefined) {
    // `content` parameters carry the media type's text; JSON is the one clients send.
    const text = typeof value === 'string' && !/json/i.test(spec.contentType) ? value : JSON.stringify(value);
    if (spec.in === 'path') return { in: 'path', text: encodeURIComponent(text) };
    if (spec.in === 'query') return { in: 'query', pairs: [`${encodeURIComponent(spec.name)}=${encodeURIComponent(text)}`] };
    if (spec.in === 'header') return { in: 'header', text };
    return { in: 'cookie', text: `${spec.name}=${encodeURIComponent(text)}` };
  }
  if (spec.in === 'path') return { in: 'path', text: pathText(spec, value) };
  if (spec.in === 'query') return { in: 'query', pairs: queryPairs(spec, value) };
  if (spec.in === 'header') return { in: 'header', text: headerText(spec, value) };
  return { in: 'cookie', text: cookieText(spec, value) };
}

/**
 * Fills a path template with serialised values. Label and matrix values carry their own prefix
 * (`.x`, `;id=x`), so the template's `{name}` is replaced by the whole expansion.
 */
export function fillPathTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => values[name] ?? '');
}
