import './organisation.css';
import { useT } from './i18n.ts';
import { useOrganisation } from './organisation.tsx';

/** The organisation's logo and name, for the header: the name is the text, so the logo is decorative. */
export function OrganisationBrand() {
  const { data } = useT();
  const { name, logo } = useOrganisation();
  return (
    <span className="organisation-brand">
      {logo && <img src={logo} alt="" height={28} decoding="async" />}
      <span title={data(name)}>{data(name)}</span>
    </span>
  );
}
