/** The ten workflows of the radial menu, in menu order. */
export interface Workflow {
  id: string;
  label: string;
  summary: string;
}

export const WORKFLOWS: Workflow[] = [
  { id: 'morning-routine', label: 'Morning Routine', summary: 'Index levels and the overnight headlines before the open.' },
  { id: 'active-positions', label: 'Active Positions', summary: 'Your open paper positions at current prices.' },
  { id: 'execute-trade', label: 'Execute Trade', summary: 'Place a paper market order.' },
  { id: 'market-scanner', label: 'Market Scanner', summary: 'The watchlist ranked by today\'s move.' },
  { id: 'recommendations', label: 'Recommendations', summary: 'Rule-based trade ideas from trend and momentum.' },
  { id: 'pnl-analytics', label: 'P&L Analytics', summary: 'Realized and unrealized profit and loss.' },
  { id: 'news-review', label: 'News Review', summary: 'Market headlines tagged by symbol.' },
  { id: 'strategy-builder', label: 'Strategy Builder', summary: 'Pick an underlying, a structure and an expiration.' },
  { id: 'backtesting', label: 'Backtesting', summary: 'A moving-average crossover tested on daily bars.' },
  { id: 'settings', label: 'Settings', summary: 'Display and trading preferences.' },
];
