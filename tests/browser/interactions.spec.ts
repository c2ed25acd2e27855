import { test } from '../../fixtures/index.ts';
import { loadValidationConfig } from '../../lib/config/index.ts';

/* The declarative interactions of the config (menus, split panes...): one task each. */
const config = await loadValidationConfig();

test.describe('interactions', () => {
  for (const interaction of config.browser.interactions) {
    test(interaction.name, async ({ interactions }) => {
      await interactions.run(interaction);
    });
  }
});
