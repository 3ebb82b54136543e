import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The badge starts empty; the agenda sets it once the ledger is loaded.
  void browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
});
