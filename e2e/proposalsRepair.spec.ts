// Saved proposals that cannot wedge, in the real IndexedDB (issue 18 §4): a damaged record is listed as
// damaged with a Delete button; a database whose object store is missing is repaired on open, in plain words.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { runDone } from './support/shareHelpers';

/** Puts a record the page cannot read into its 'haircut' database (creating the store if need be). */
async function putDamagedRecord(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('haircut');
        request.onupgradeneeded = () => request.result.createObjectStore('proposals', { keyPath: 'id' });
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('proposals', 'readwrite');
          tx.objectStore('proposals').put({ id: 'broken-1', name: 'Fund 2M before the crash', savedAt: 1, state: { params: 'not parameters' } });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/** Leaves the page's 'haircut' database at `version` with no proposals store (as a broken upgrade might). */
async function dropStore(page: Page, version: number): Promise<void> {
  await page.evaluate(
    (version) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('haircut', version);
        request.onupgradeneeded = () => {
          if (request.result.objectStoreNames.contains('proposals')) request.result.deleteObjectStore('proposals');
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    version,
  );
}

test('a damaged saved proposal is shown as damaged, with its reason, and can be deleted', async ({ page }) => {
  await page.goto('/');
  await runDone(page);
  await putDamagedRecord(page);
  await page.reload();
  const panel = page.getByTestId('proposals');
  await panel.locator('summary').click();
  const damaged = panel.getByTestId('proposal-damaged');
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText('“Fund 2M before the crash” is damaged');
  await expect(damaged).toContainText('It cannot be opened: its parameters are not valid in this version');
  await page.screenshot({ path: test.info().outputPath('damaged-proposal.png') });
  await damaged.getByRole('button', { name: /Delete the damaged proposal/ }).click();
  await expect(damaged).toHaveCount(0);
  await expect(panel).toContainText('Deleted the damaged proposal “Fund 2M before the crash”.');
});

test('a database with its object store missing is repaired on open, in plain words, and saving works', async ({ page }) => {
  await page.goto('/');
  await runDone(page);
  await dropStore(page, 3);
  await page.reload();
  const panel = page.getByTestId('proposals');
  await panel.locator('summary').click();
  await expect(panel).toContainText('The storage for saved proposals was missing in this browser and has been recreated');
  await expect(panel).not.toContainText('DOMException');
  await page.getByLabel(/Save the current parameters/).fill('After the repair');
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(panel.getByTestId('proposal-name')).toHaveText(['After the repair']);
});
