// Registers every area's messages: for the pages that show all of them, and for the tests.
import './areas/documents';
import './areas/import';
import './areas/options';
import './areas/outlook';
import './areas/popup';
import './areas/sidebar';
import './areas/sync';
