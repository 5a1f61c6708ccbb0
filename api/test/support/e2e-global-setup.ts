import { ensureCatalogTemplate } from '../../../platform/test/support/catalog-database';

/**
 * Runs once before the e2e files: builds the catalog template when the import code changed, so that
 * import (a minute or more on a loaded machine) happens outside every test's timeout.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  await ensureCatalogTemplate();
}
