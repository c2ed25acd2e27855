import type { DemoContext } from '../context.ts';
import { newsAt } from '../market.ts';
import { newsList } from './components.ts';
import { faultScript, lowContrastParagraph } from './faultAssets.ts';
import { renderPage } from './layout.ts';

export function renderNews(ctx: DemoContext): string {
  const main = `<h1>Market news</h1>
<p class="lead">Headlines from the simulated news wire, newest first, tagged with the symbols they move.</p>
${lowContrastParagraph(ctx)}
<section class="glass" aria-labelledby="headlines-title">
<h2 id="headlines-title">Headlines</h2>
${newsList(newsAt(Date.now()))}
</section>`;
  return renderPage(ctx, {
    title: 'News',
    path: '/news',
    description: 'Market headlines tagged by symbol.',
    main,
    head: faultScript(ctx, 'page-error'),
  });
}
