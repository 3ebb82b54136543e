// Tests render and format with every area’s messages, as the pages that show them would.
import '../../lib/i18n/all';
