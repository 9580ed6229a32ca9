-- Placeholder kept only on branch i14-b2 so that 0016 runs here: version 0015 is another
-- branch's migration (i14-b1 has 0014). Delete this file when merging that branch.
SELECT 1;
