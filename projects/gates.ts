/** The gate table lives in lib/ (the config validates gate names against it); projects build on it. */
export { GATES, GATE_ORDER, QUICK_GATES, type GateDefinition } from '../lib/gates.ts';
