export { compareListings } from './resources.comparison';
export { resourceErrors } from './resources.errors';
export { resourcesRoutes } from './resources.routes';
export {
  createListingsDirect,
  type ListingOffer,
  listingOffers,
  listingRows,
  listingSearchDocument,
  type NewListing,
} from './resources.service';
