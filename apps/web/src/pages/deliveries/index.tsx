import type { PageProps } from '../../app/page-props';
import { DeliveryList } from './DeliveryList';
import { DeliveryPage } from './DeliveryPage';
import { PlanDeliveryForm } from './PlanDeliveryForm';
import './messages';
import './deliveries.css';

/** `#/deliveries` (list), `#/deliveries/new` (plan), `#/deliveries/<id>` (one delivery). */
const Page = ({ route }: PageProps) => {
  const [, id] = route.segments;
  if (id === 'new') return <PlanDeliveryForm />;
  if (id) return <DeliveryPage key={id} id={id} />;
  return <DeliveryList route={route} />;
};
export default Page;
