import { test, targetConfig } from '../../fixtures/index.ts';

/* The declarative interactions of the config (menus, split panes...): one task each. */
const config = await targetConfig();

test.describe('interactions', () => {
  for (const interaction of config.browser.interactions) {
    test(interaction.name, async ({ interactions }) => {
      await interactions.run(interaction);
    });
  }
});
