export * from './types.ts';
export { computeRun, evaluateTask, type ComputeOptions } from './compute.ts';
export { decideVerdict, formatRate, riskRate, type VerdictInput } from './rate.ts';
export { errorMessage, RISK_ATTACHMENT, RISK_ATTACHMENT_VERSION, RiskRecorder, type CheckOptions, type RiskAttachment } from './recorder.ts';
export { describeWaiver, findWaiver, isExpired, waiverMatches, type Waiver } from './waivers.ts';
