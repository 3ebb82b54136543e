import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { DEV_ORIGIN, manifestFor } from '../../../outlook-addin/scripts/manifest-origin';
import { NOTIFICATION_ICON } from '../../../lib/mail/office/notification';

/**
 * Microsoft's validator (office-addin-manifest validate) needs its web service, so the manifest's
 * structure is checked here offline, against the rules of the MailApp schema and of Outlook.
 */
const addin = resolve(import.meta.dirname, '../../../outlook-addin');
const source = readFileSync(resolve(addin, 'manifest.xml'), 'utf8');
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(xml: string): Document {
  return new new Window().DOMParser().parseFromString(xml, 'application/xml') as unknown as Document;
}
const doc = parse(source);
// happy-dom's getElementsByTagNameNS misses prefixed elements: filter on the parsed names instead.
const within = (root: Document | Element, name: string, ns?: string) =>
  Array.from(root.getElementsByTagName('*')).filter(
    (element) =>
      (name === '*' || element.localName === name) && (ns === undefined || element.namespaceURI === ns),
  );
const all = (name: string, ns?: string) => within(doc, name, ns);
const xsiType = (element: Element) => element.getAttributeNS(XSI, 'type') ?? element.getAttribute('xsi:type');

/** Every absolute URL in the manifest: attribute values and element texts. */
function urls(document: Document): string[] {
  const found: string[] = [];
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    for (const attribute of Array.from(element.attributes))
      if (/^\w+:\/\//.test(attribute.value)) found.push(attribute.value);
    if (element.children.length === 0 && /^\s*\w+:\/\//.test(element.textContent ?? ''))
      found.push((element.textContent ?? '').trim());
  }
  return found;
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('outlook-addin/manifest.xml', () => {
  it('is well-formed XML (and the parser does reject broken XML)', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    for (const broken of [
      source.replace('</Permissions>', '</Permission>'),
      source.replace('<Version>', '<Version><b>'),
      source + '<OfficeApp/>',
    ])
      expect(parse(broken).getElementsByTagName('parsererror').length).toBeGreaterThan(0);
  });

  it('is a MailApp whose top-level elements come in the schema order', () => {
    const root = doc.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(xsiType(root)).toBe('MailApp');
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
      'DisableEntityHighlighting',
      'VersionOverrides',
    ];
    expect(Array.from(root.children).map((child) => child.localName)).toEqual(order);
    expect(all('Id')[0]?.textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(all('Version')[0]?.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all('Permissions')[0]?.textContent).toBe('ReadItem');
  });

  it('puts a Relancer button on the read surface that opens a pinnable task pane', () => {
    const surfaces = all('ExtensionPoint').map(xsiType);
    expect(surfaces).toEqual(['MessageReadCommandSurface']);
    const control = all('Control')[0]!;
    expect(xsiType(control)).toBe('Button');
    const action = control.getElementsByTagName('Action')[0]!;
    expect(xsiType(action)).toBe('ShowTaskpane');
    expect(action.getElementsByTagName('SupportsPinning')[0]?.textContent).toBe('true');
    const overrides = all('VersionOverrides');
    expect(overrides.map(xsiType)).toEqual(['VersionOverridesV1_0', 'VersionOverridesV1_1']);
    // SupportsPinning is only valid inside VersionOverrides 1.1.
    expect(overrides[1]!.contains(action)).toBe(true);
  });

  it('asks for the Mailbox set the pinned pane needs, the same in both places', () => {
    const top = all('Set').find((set) => set.parentElement?.localName === 'Sets' && set.namespaceURI !== BT)!;
    const overrides = all('Sets', BT)[0]!;
    expect(top.getAttribute('Name')).toBe('Mailbox');
    expect(within(overrides, 'Set', BT)[0]?.getAttribute('Name')).toBe('Mailbox');
    expect(top.getAttribute('MinVersion')).toBe(overrides.getAttribute('DefaultMinVersion'));
    // ItemChanged (pinning) is Mailbox 1.5; the reply's Async form (1.9) and base64 files (1.15) are optional.
    expect(top.getAttribute('MinVersion')).toBe('1.5');
  });

  it('defines every resource it refers to, of the right kind', () => {
    const defined = (list: string) =>
      new Set(Array.from(all(list, BT)[0]?.children ?? []).map((element) => element.getAttribute('id')));
    const kinds = {
      images: defined('Images'),
      urls: defined('Urls'),
      short: defined('ShortStrings'),
      long: defined('LongStrings'),
    };
    const references = all('*').filter((element) => element.hasAttribute('resid'));
    expect(references.length).toBeGreaterThan(5);
    for (const element of references) {
      const resid = element.getAttribute('resid');
      const kind =
        element.localName === 'Image'
          ? kinds.images
          : element.localName === 'SourceLocation'
            ? kinds.urls
            : element.localName === 'Description'
              ? kinds.long
              : kinds.short;
      expect(kind.has(resid), `${element.localName} resid="${resid}"`).toBe(true);
    }
    // The notification bar names an icon by its resource id.
    expect(kinds.images.has(NOTIFICATION_ICON)).toBe(true);
  });

  it('keeps ids unique and within their lengths', () => {
    const ids = all('*')
      .map((element) => element.getAttribute('id'))
      .filter((id): id is string => id !== null);
    expect(new Set(ids).size).toBe(ids.length);
    for (const element of all('*').filter(
      (e) => e.namespaceURI === BT && e.hasAttribute('id') && e.parentElement?.localName !== 'Sets',
    ))
      expect(element.getAttribute('id')!.length).toBeLessThanOrEqual(32);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
  });

  it("labels everything in French with English overrides, within Outlook's lengths", () => {
    expect(all('DefaultLocale')[0]?.textContent).toBe('fr-FR');
    const limits: [Element, number][] = [
      ...all('DisplayName').map((element) => [element, 125] as [Element, number]),
      ...all('Description')
        .filter((e) => e.parentElement?.localName === 'OfficeApp')
        .map((e) => [e, 250] as [Element, number]),
      ...Array.from(all('ShortStrings', BT)[0]!.children).map(
        (element) => [element, 125] as [Element, number],
      ),
      ...Array.from(all('LongStrings', BT)[0]!.children).map(
        (element) => [element, 250] as [Element, number],
      ),
    ];
    expect(limits.length).toBeGreaterThanOrEqual(5);
    for (const [element, max] of limits) {
      const override = Array.from(element.children).find((child) => child.localName === 'Override');
      expect(override?.getAttribute('Locale'), element.outerHTML).toBe('en-US');
      for (const text of [element.getAttribute('DefaultValue'), override?.getAttribute('Value')]) {
        expect(text?.trim().length).toBeGreaterThan(0);
        expect(text!.length).toBeLessThanOrEqual(max);
      }
    }
    const label = all('String', BT).find((element) => element.getAttribute('id') === 'OpenPane.Label')!;
    expect(label.getAttribute('DefaultValue')).toBe('Relancer');
  });

  it('points every URL, over https, at a file the build produces', () => {
    const found = urls(doc).filter(
      (url) => !url.startsWith('http://schemas.') && !url.startsWith('http://www.w3.org'),
    );
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const url of found) {
      expect(url.startsWith(`${DEV_ORIGIN}`), url).toBe(true);
      const path = new URL(url).pathname;
      if (path === '/') continue; // the AppDomain
      // taskpane.html is the Vite input; assets/* are copied from public/.
      const file =
        path === '/taskpane.html' ? resolve(addin, 'taskpane.html') : resolve(addin, 'public', path.slice(1));
      expect(existsSync(file), url).toBe(true);
    }
  });

  it('has icons of the sizes it declares', () => {
    const declared = [
      ...all('Image', BT)
        .filter((image) => image.hasAttribute('DefaultValue'))
        .map(
          (image) =>
            [
              image.getAttribute('DefaultValue')!,
              Number(image.getAttribute('id')!.match(/(\d+)x/)![1]),
            ] as const,
        ),
      [all('IconUrl')[0]!.getAttribute('DefaultValue')!, 64] as const,
      [all('HighResolutionIconUrl')[0]!.getAttribute('DefaultValue')!, 128] as const,
    ];
    for (const [url, size] of declared) {
      expect(pngSize(resolve(addin, 'public', new URL(url).pathname.slice(1)))).toEqual({
        width: size,
        height: size,
      });
    }
    const buttonSizes = within(all('Icon')[0]!, 'Image', BT);
    expect(buttonSizes.map((image) => image.getAttribute('size'))).toEqual(['16', '32', '80']);
  });

  it('moves to the production origin when built for it', () => {
    const moved = manifestFor(source, 'https://relance.example.fr/outlook/');
    expect(urls(parse(moved)).filter((url) => url.includes('localhost'))).toEqual([]);
    expect(moved).toContain('<AppDomain>https://relance.example.fr</AppDomain>');
    expect(moved).toContain('DefaultValue="https://relance.example.fr/outlook/taskpane.html"');
    expect(parse(moved).getElementsByTagName('parsererror')).toHaveLength(0);
    expect(() => manifestFor(source, 'http://relance.example.fr')).toThrow('https');
  });
});
