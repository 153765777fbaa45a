package io.backtrack.infra;

/** Starts PostgreSQL and the broker, prints their ports and waits to be killed ({@link ParentDeathTest}). */
public final class InfrastructureHolder {

    private InfrastructureHolder() {
    }

    public static void main(String[] args) throws Exception {
        LocalPostgres postgres = LocalPostgres.startEphemeral();
        KafkaBrokerProcess kafka = KafkaBrokerProcess.startEphemeral();
        String bootstrap = kafka.bootstrapServers();
        System.out.println(postgres.endpoint().port() + " " + bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
