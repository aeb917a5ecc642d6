import category from './category';
import entry from './entry';
import roundup from './roundup';

export default { category, entry, roundup };
