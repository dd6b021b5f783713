import { Navigate } from 'react-router';
import { homePathFor, useAuthedMe } from '../modules/identity';

export function HomeRedirectPage() {
  return <Navigate to={homePathFor(useAuthedMe())} replace />;
}
