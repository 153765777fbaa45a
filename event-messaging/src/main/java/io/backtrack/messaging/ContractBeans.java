package io.backtrack.messaging;

import io.backtrack.contracts.EventSchemas;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class ContractBeans {

    @Produces
    @Singleton
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }
}
