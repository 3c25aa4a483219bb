// SPDX-License-Identifier: Apache-2.0
// Hand check of libdrmaa through Grid Engine's own Java binding (/usr/share/java/drmaa.jar); see verify.sh.
import java.util.List;
import org.ggf.drmaa.*;

public class DrmaaCheck {
    public static void main(String[] args) throws Exception {
        Session s = SessionFactory.getFactory().getSession();
        s.init(null);
        System.out.println("contact: " + s.getContact());
        System.out.println("drm system: " + s.getDrmSystem());
        System.out.println("implementation: " + s.getDrmaaImplementation());
        System.out.println("version: " + s.getVersion().getMajor() + "." + s.getVersion().getMinor());
        JobTemplate jt = s.createJobTemplate();
        jt.setRemoteCommand("/bin/sh");
        jt.setArgs(List.of("-c", "exit 3"));
        jt.setOutputPath(":/dev/null");
        jt.setJoinFiles(true);
        String id = s.runJob(jt);
        System.out.println("job: " + id);
        JobInfo info = s.wait(id, Session.TIMEOUT_WAIT_FOREVER);
        System.out.println("exited: " + info.hasExited() + ", exit status: " + info.getExitStatus());
        s.deleteJobTemplate(jt);
        s.exit();
    }
}
