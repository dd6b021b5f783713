export { compareListings } from './resources.comparison';
export { resourceErrors } from './resources.errors';
export { createResourcesModule } from './resources.module';
export {
  createListingsDirect,
  type ListingOffer,
  listingOffers,
  listingRows,
  listingSearchDocument,
  type NewListing,
  type OfferListing,
  offerListings,
} from './resources.service';
