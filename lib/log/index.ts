export * from './records.ts';
export { LOG_RECORD_SCHEMAS } from './schema.ts';
export { LogFormatError, parseExecutionLog, type ParsedLog } from './reader.ts';
