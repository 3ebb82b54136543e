import { useMemo, useState } from 'preact/hooks';
import { smsQrDataUrl } from '../../lib/documents/qr';
import type { Formatter } from '../sidebar/format';

/** An SMS to send from the phone: the text to copy, the link for a phone, the QR code for a desk. */
export function SmsEntry({
  fmt,
  sms,
}: {
  fmt: Formatter;
  sms: { text: string; uri: string; hasPhone: boolean };
}) {
  const { t } = fmt;
  const [copied, setCopied] = useState<boolean | null>(null);
  const qr = useMemo(() => smsQrDataUrl(sms.uri, 168), [sms.uri]);
  return (
    <div class="rl-popup-sms" data-testid="sms-entry">
      <p class="rl-popup-sms-text" data-testid="sms-text">
        {sms.text}
      </p>
      <div class="rl-popup-actions">
        <button
          type="button"
          data-testid="sms-copy"
          onClick={() =>
            void navigator.clipboard.writeText(sms.text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('popup.sms.copied') : t('popup.sms.copy')}
        </button>
        <a href={sms.uri} data-testid="sms-link">
          {t('popup.sms.open')}
        </a>
      </div>
      {copied === false && <p class="rl-popup-error">{t('popup.sms.copyFailed')}</p>}
      {!sms.hasPhone && <p class="rl-muted rl-small">{t('popup.sms.noPhone')}</p>}
      <figure class="rl-popup-qr">
        <img
          src={qr}
          width={168}
          height={168}
          alt={t('popup.sms.qrAlt')}
          data-testid="sms-qr"
          data-uri={sms.uri}
        />
        <figcaption class="rl-muted rl-small">{t('popup.sms.qr')}</figcaption>
      </figure>
    </div>
  );
}
