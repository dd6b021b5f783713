export { compareListings } from './resources.comparison';
export { resourceErrors } from './resources.errors';
export { createResourcesModule } from './resources.module';
export {
  createListingsDirect,
  getListing,
  type ListingOffer,
  listingOffers,
  listingRows,
  listingSearchDocument,
  type NewListing,
  type OfferListing,
  offerListings,
} from './resources.service';
