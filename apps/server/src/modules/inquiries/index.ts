export { inquiryErrors } from './inquiries.errors';
export { createInquiriesModule } from './inquiries.module';
export { accept, addFavourite, createInquiry, decline, getInquiry, quote } from './inquiries.service';
