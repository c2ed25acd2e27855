/**
 * The contract peer: Prism's validation proxy in front of the target, then one request per
 * documented operation and per documented example (Dredd's approach: the document's own examples),
 * token from the login operation for secured ones. Every violation Prism reports fails the run.
 *
 * Usage: tsx bench/peers/contractProbe.ts <openapi> <targetUrl> <proxyPort> <out.json>
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';

interface Violation { location?: string[]; severity?: string; code?: string; message?: string }
interface Exchange { operation: string; method: string; path: string; status: number | null; violations: Violation[]; error?: string }
type Node = Record<string, unknown>;

const [documentFile, targetUrl, proxyPort, outFile] = process.argv.slice(2);
if (!documentFile || !targetUrl || !proxyPort || !outFile) {
  console.error('usage: contractProbe.ts <openapi> <targetUrl> <proxyPort> <out.json>');
  process.exit(2);
}
const prismBin = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'prism');
const proxyUrl = `http://127.0.0.1:${proxyPort}`;

function examplesOf(node: Node | undefined): unknown[] {
  if (!node) return [];
  if (node.examples && typeof node.examples === 'object') return Object.values(node.examples as Record<string, { value?: unknown }>).map((e) => e.value);
  if (node.example !== undefined) return [node.example];
  const schema = node.schema as Node | undefined;
  if (schema?.examples && Array.isArray(schema.examples)) return schema.examples;
  if (schema?.enum && Array.isArray(schema.enum)) return [schema.enum[0]];
  return [];
}

/** Every combination of the path parameters' examples (usually one parameter: its examples). */
function pathVariants(template: string, parameters: Node[]): string[] {
  let variants = [template];
  for (const parameter of parameters.filter((p) => p.in === 'path')) {
    const values = examplesOf(parameter);
    if (values.length === 0) values.push('x');
    variants = variants.flatMap((v) => values.map((value) => v.replace(`{${String(parameter.name)}}`, encodeURIComponent(String(value)))));
  }
  return variants;
}

async function waitForProxy(child: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}`);
    try {
      await fetch(`${proxyUrl}/`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('prism did not start within 60 s');
}

async function send(operation: string, method: string, requestPath: string, token: string | undefined, body: unknown): Promise<Exchange & { json?: unknown }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(`${proxyUrl}${requestPath}`, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    const header = response.headers.get('sl-violations');
    const violations = header ? (JSON.parse(header) as Violation[]) : [];
    let json: unknown;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { operation, method, path: requestPath, status: response.status, violations, json };
  } catch (error) {
    return { operation, method, path: requestPath, status: null, violations: [], error: (error as Error).message };
  }
}

const document = (await SwaggerParser.dereference(documentFile)) as unknown as { paths: Record<string, Record<string, Node>> };
const prism = spawn(prismBin, ['proxy', documentFile, targetUrl, '--port', proxyPort, '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let prismLog = '';
prism.stdout?.on('data', (c: Buffer) => { prismLog += c.toString(); });
prism.stderr?.on('data', (c: Buffer) => { prismLog += c.toString(); });
const exchanges: Exchange[] = [];
let exitCode = 0;
try {
  await waitForProxy(prism);
  let token: string | undefined;
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...((item.parameters as Node[] | undefined) ?? []), ...((operation.parameters as Node[] | undefined) ?? [])];
      const media = ((operation.requestBody as Node | undefined)?.content as Record<string, Node> | undefined)?.['application/json'];
      const bodies = media ? examplesOf(media) : [undefined];
      const secured = Array.isArray(operation.security) && operation.security.length > 0;
      for (const requestPath of pathVariants(template, parameters)) {
        for (const body of bodies.length > 0 ? bodies : [undefined]) {
          const exchange = await send(String(operation.operationId ?? `${method} ${template}`), method, requestPath, secured ? token : undefined, body);
          // The login operation's documented example gives the token for the secured ones.
          const got = (exchange.json as { token?: unknown } | undefined)?.token;
          if (!token && typeof got === 'string') token = got;
          delete exchange.json;
          exchanges.push(exchange);
        }
      }
    }
  }
} catch (error) {
  console.error(`contract probe: ${(error as Error).message}`);
  exitCode = 2;
} finally {
  try { process.kill(-prism.pid!, 'SIGTERM'); } catch { /* gone */ }
}
const violations = exchanges.flatMap((e) => e.violations.map((v) => ({ operation: e.operation, path: e.path, status: e.status, ...v })));
const failedRequests = exchanges.filter((e) => e.status === null);
writeFileSync(outFile, `${JSON.stringify({ requests: exchanges.length, violations, failedRequests }, null, 2)}\n`);
for (const v of violations) console.log(`violation ${v.operation} ${v.path} -> ${v.status}: ${v.message ?? v.code}`);
console.log(`${exchanges.length} requests through the validation proxy, ${violations.length} violation(s)`);
if (exitCode === 0 && (violations.length > 0 || failedRequests.length > 0)) exitCode = 1;
if (exitCode === 2) console.error(prismLog.slice(-3000));
process.exit(exitCode);
