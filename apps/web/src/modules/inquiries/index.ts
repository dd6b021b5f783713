export { FavouriteToggle } from './favourite-toggle';
export { FavouritesView, newInquiryPath } from './favourites-view';
export { inquiriesEn, inquiriesZhCN } from './inquiries.i18n';
export { InquiryDetail } from './inquiry-detail';
export { InquiryForm } from './inquiry-form';
export { InquiryListView } from './inquiry-list';
