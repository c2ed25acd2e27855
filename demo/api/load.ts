import { hasFault, type DemoContext } from '../context.ts';
import { sleep } from '../http.ts';

const LOAD_THRESHOLD = 10;
const DELAY_UNDER_LOAD_MS = 2500;

/** The slow-under-load fault: a service that falls over once more than ten requests or connections are open at once. */
export async function delayUnderLoad(ctx: DemoContext): Promise<void> {
  if (hasFault(ctx, 'slow-under-load') && ctx.concurrency() > LOAD_THRESHOLD) {
    await sleep(DELAY_UNDER_LOAD_MS);
  }
}
