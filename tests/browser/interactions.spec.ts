import { eachTarget, test } from '../../fixtures/index.ts';

/* The declarative interactions of the config (menus, split panes...): one task each. */
// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  test.describe('interactions', () => {
    for (const interaction of config.browser.interactions) {
      test(interaction.name, async ({ interactions }) => {
        await interactions.run(interaction);
      });
    }
  });
});
