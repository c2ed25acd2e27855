export * from './types.ts';
export { computeRun, evaluateTask, type ComputeOptions } from './compute.ts';
export { decideVerdict, formatRate, riskRate, type VerdictInput } from './rate.ts';
export { CheckFailedError, checkLocation, describeFailure, stepTitle, type OperationSteps, type SourceLocation } from './steps.ts';
export { errorMessage, RISK_ATTACHMENT, RISK_ATTACHMENT_VERSION, RiskRecorder, type CheckOptions, type OperationInput, type RecorderOptions, type RiskAttachment } from './recorder.ts';
export { blocks, DEFAULT_POLICY, describePolicy, effectivePolicy, emptySeverityCounts, SEVERITIES, type RiskPolicy, type SeverityCounts } from './policy.ts';
export { definitionOf, SeverityResolver, severityKeyProblems } from './severity.ts';
export { CHECKS, type CheckDefinition, type SeverityLevel } from './checks/index.ts';
export { describeWaiver, findWaiver, isExpired, waiverMatches, type Waiver } from './waivers.ts';
