import { LoadingPage, RankedRowsSkeleton } from "../../../_recognitions/skeletons";

/** The list of redemptions while it loads: rows of a name and a status. */
export default function RedemptionsLoading() {
  return (
    <LoadingPage>
      <RankedRowsSkeleton count={5} />
    </LoadingPage>
  );
}
