# SPDX-License-Identifier: Apache-2.0
# Run by drmaa2j as "flux python -u -c THIS" for a connection's whole life: submits jobs one at a
# time through one connection to the broker, so that a job costs no process start.
# Protocol, UTF-8 lines:
#   once connected, it prints "ready";
#   request: "URGENCY JOBSPEC" (the jobspec's JSON on one line);
#   answer:  "ok ID" (the job id, decimal) or "error TEXT" (why nothing was submitted: Flux's
#            words for a refused jobspec, or why the request was not understood).
# A request is acted on only when its line arrived whole (with its line break) and parses; at the
# end of its input it exits.
import json
import sys

import flux
import flux.job


def one_line(text):
    return " ".join(str(text).split())


def answer(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


handle = flux.Flux()
answer("ready")
while True:
    raw = sys.stdin.buffer.readline()
    if not raw.endswith(b"\n"):
        break
    try:
        urgency, jobspec = raw.decode("utf-8").rstrip("\n").split(" ", 1)
        urgency = int(urgency)
        json.loads(jobspec)
    except ValueError as e:
        answer("error request not understood, nothing was submitted: " + one_line(e))
        continue
    try:
        answer("ok %d" % int(flux.job.submit(handle, jobspec, urgency=urgency)))
    except OSError as e:
        answer("error " + one_line(e.strerror or e))
