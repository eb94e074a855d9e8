package uk.caseqa.launcher;

/** The five services as they run: in this JVM ({@link RunningServices}) or as processes ({@link ServiceProcesses}). */
public interface PlatformServices extends AutoCloseable {

    String url(PlatformService service);

    @Override
    void close();
}
