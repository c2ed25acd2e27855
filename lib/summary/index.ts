export { buildExecutiveSummary, metricsBlock, nextActions, renderMarkdown, renderShort, type ExecutiveSummary, type SummaryContext } from './build.ts';
