import type { CheckDefinition } from './types.ts';

export const VISUAL_CHECKS: readonly CheckDefinition[] = [
  { id: 'visual/screenshot', severity: 'high', why: 'the page no longer looks like its approved baseline: a layout or style regression' },
  { id: 'visual/baseline-missing', severity: 'high', why: 'no approved baseline where one must exist (CI): nothing was compared' },
  { id: 'visual/baseline-written', severity: 'low', why: 'a baseline was created or rewritten by this run: a person should look at it before it is committed' },
  { id: 'visual/unstable', severity: 'medium', why: 'the page kept changing between screenshots, so it could not be compared: a region to mask, not a regression' },
  { id: 'visual/manifest', severity: 'high', why: 'the baselines folder cannot be trusted (unreadable manifest, or another target\'s baselines): nothing was compared' },
  { id: 'visual/palette', severity: 'medium', why: 'colours drawn outside the design palette' },
  { id: 'visual/glass', severity: 'medium', why: 'panels that lost their backdrop-filter' },
  { id: 'visual/percy', severity: 'medium', why: 'the Percy snapshot could not be uploaded: the visual review is incomplete' },
];
