export { cookiesOf, judgeCookies } from './cookies.ts';
export { enforcedPolicies, evaluatePolicy, judgeCsp } from './csp.ts';
export { DISCLOSURE_SIGNATURES, judgeErrorDisclosure } from './disclosure.ts';
export { judgeClickjacking, judgeHsts, judgeNosniff, judgeServerVersion } from './headers.ts';
export { SECURITY_RULES } from './rules.ts';
export { describeFindings, ownOrigins, scanResponses, type ScanInput } from './scan.ts';
export { judgeSecrets } from './secrets.ts';
export type { HeaderLine, ScanContext, SecurityFinding, SecurityResult, SecurityRule, SeenRequest, SeenResponse } from './types.ts';
