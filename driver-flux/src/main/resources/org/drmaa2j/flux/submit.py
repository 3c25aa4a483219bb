# SPDX-License-Identifier: Apache-2.0
# Run by drmaa2j as "flux python -c THIS": submits the jobspecs read from standard input, one per
# line as "URGENCY JOBSPEC", through one connection and without waiting for one answer before
# sending the next. Nothing is submitted unless every line was read whole. Prints one line per
# jobspec, in input order: the job id as a decimal number, or "-" when that submission failed
# (the reason goes to standard error). Exits 1 if any failed.
import json
import sys

import flux
import flux.job

requests = []
for number, raw in enumerate(sys.stdin.buffer.read().decode("utf-8").splitlines(), 1):
    if raw.strip():
        urgency, jobspec = raw.split(" ", 1)
        try:
            json.loads(jobspec)
            requests.append((int(urgency), jobspec))
        except ValueError as e:
            sys.exit("jobspec %d is incomplete, nothing was submitted: %s" % (number, e))
handle = flux.Flux()
futures = [flux.job.submit_async(handle, jobspec, urgency=u) for u, jobspec in requests]
failed = 0
for number, future in enumerate(futures, 1):
    try:
        print(int(future.get_id()), flush=True)
    except OSError as e:
        failed += 1
        print("-", flush=True)
        print("jobspec %d: %s" % (number, e.strerror or e), file=sys.stderr, flush=True)
sys.exit(1 if failed else 0)
