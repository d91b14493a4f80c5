package kr.salonmate.integration.google;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands for independent aggregates in one unit of work and one database transaction: one commit and one
 * append of all their events instead of one for each, and the event processors find the events together and take
 * them in one batch (docs/benchmarks.md, "Ingest"; ADR 33).
 *
 * <p>On the local command bus each command is handled in the caller's thread in a unit of work nested in the one
 * opened here, which Axon lets commit only with its root: the aggregates stay locked and their events staged until
 * every command of the batch has been handled. If any command fails, or the commit does, nothing of the batch is
 * kept and every command is sent again on its own, so one bad review costs its batch a second try but never the
 * other reviews their sync. With a command bus that hands commands to other threads or nodes (Axon Server) each
 * command commits on its own, as if sent one by one; the batch is then only a loop.
 */
final class CommandsInOneCommit {

    private static final Logger log = LoggerFactory.getLogger(CommandsInOneCommit.class);

    private final CommandGateway commands;
    private final TransactionManager transactions;

    /** {@code transactions}: null to send every command on its own (tests with a mocked gateway). */
    CommandsInOneCommit(CommandGateway commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /**
     * Sends them all and waits for them.
     *
     * @return the commands that failed, each with its failure; empty when all went through
     */
    Map<Object, RuntimeException> sendAll(List<?> batch) {
        if (transactions == null || batch.size() < 2) {
            return oneByOne(batch);
        }
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            unit.attachTransaction(transactions);
            for (Object command : batch) {
                commands.sendAndWait(command);
            }
            unit.commit();
            return Map.of();
        } catch (RuntimeException e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            log.debug("A batch of {} commands failed ({}); sending them one by one", batch.size(), e.toString());
            return oneByOne(batch);
        }
    }

    private Map<Object, RuntimeException> oneByOne(List<?> batch) {
        Map<Object, RuntimeException> failed = new LinkedHashMap<>();
        for (Object command : batch) {
            try {
                commands.sendAndWait(command);
            } catch (RuntimeException e) {
                failed.put(command, e);
            }
        }
        return failed;
    }
}
