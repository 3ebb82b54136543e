import { defineContentScript } from 'wxt/utils/define-content-script';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    // The sidebar runs in the extension's origin inside an iframe, so Gmail's scripts cannot read it.
    const ui = createIframeUi(ctx, {
      page: '/sidebar.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(wrapper, iframe) {
        wrapper.dataset.relance = 'sidebar';
        iframe.title = 'Relance';
        Object.assign(iframe.style, {
          position: 'fixed',
          top: '64px',
          right: '0',
          width: '360px',
          height: 'calc(100vh - 64px)',
          border: '0',
          zIndex: '5',
        });
      },
    });
    ui.mount();
  },
});
