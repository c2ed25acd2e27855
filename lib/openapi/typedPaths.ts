/**
 * Types that read openapi-typescript's generated `paths` (npm run gen:api), so a spec can call
 * `api.call('get', '/api/market/quote/{symbol}', { pathParams: { symbol: 'SPY' } })` and get the
 * documented body type back. Pure types: nothing here exists at run time.
 */
export type PathMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The methods a generated path item documents (openapi-typescript marks the others `?: never`). */
export type MethodsOf<Item> = {
  [M in PathMethod]: M extends keyof Item ? ([NonNullable<Item[M]>] extends [never] ? never : M) : never;
}[PathMethod];

export type OperationAt<Paths, P extends keyof Paths, M extends PathMethod> = M extends keyof Paths[P] ? NonNullable<Paths[P][M]> : never;

type ParametersIn<Op, Where extends string> = Op extends { parameters: infer Parameters }
  ? Where extends keyof Parameters ? NonNullable<Parameters[Where]> : never
  : never;

type JsonContent<T> = T extends { content: infer Content } ? ('application/json' extends keyof Content ? Content['application/json'] : unknown) : undefined;

export type RequestBodyOf<Op> = Op extends { requestBody?: infer Body } ? JsonContent<NonNullable<Body>> : never;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | '2XX';

/** The JSON body of the operation's documented 2xx responses. */
export type SuccessBodyOf<Op> = Op extends { responses: infer Responses }
  ? { [S in keyof Responses & SuccessStatus]: JsonContent<Responses[S]> }[keyof Responses & SuccessStatus]
  : unknown;

export interface TypedCallOptions<Op> {
  query?: [ParametersIn<Op, 'query'>] extends [never] ? never : ParametersIn<Op, 'query'>;
  body?: [RequestBodyOf<Op>] extends [never] ? never : RequestBodyOf<Op>;
  headers?: Record<string, string>;
  auth?: 'none' | 'token' | 'invalid';
  timeoutMs?: number;
  quiet?: boolean;
}

/** Path parameters are required exactly when the path template has some. */
export type TypedCallArgs<Op> = [ParametersIn<Op, 'path'>] extends [never]
  ? [options?: TypedCallOptions<Op> & { pathParams?: never }]
  : [options: TypedCallOptions<Op> & { pathParams: ParametersIn<Op, 'path'> }];
