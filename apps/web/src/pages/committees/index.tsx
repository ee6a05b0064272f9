import type { PageProps } from '../../app/page-props';

// Placeholder while this page is being built in this session; replaced by the page's owner.
const Page = (_props: PageProps) => <h1>committees</h1>;
export default Page;
